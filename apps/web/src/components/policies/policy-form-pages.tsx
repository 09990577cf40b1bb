import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ItemLoader } from '../item-loader';
import type { EditFormProps } from '../save-form';
import { policiesTitle } from './policies-title';
import { useDocumentTitle } from '../../util/use-document-title';
import { NeedsRolePage } from '../needs-role';

interface PolicyFormPageProps<Values, Policy, Input> {
  /** "pruning", "check": the policy is called a "<kind> policy". */
  kind: string;
  intro: string;
  /** The list of such policies: where the page goes back to, and where it goes once saved. */
  listPath: string;
  Form: ComponentType<EditFormProps<Values, Policy, Input>>;
}

interface NewPolicyPageProps<Values, Policy, Input> extends PolicyFormPageProps<Values, Policy, Input> {
  initial: Values;
  useCreate: () => UseMutationResult<Policy, Error, Input>;
}

/** A new policy (an admin's task): its form, empty, then back to the list. */
export function NewPolicyPage<Values, Policy, Input>(props: NewPolicyPageProps<Values, Policy, Input>) {
  return (
    <NeedsRolePage
      atLeast="admin"
      title={`New ${props.kind} policy`}
      action={`Creating a ${props.kind} policy`}
      back={{ to: props.listPath, label: `the ${props.kind} policies` }}
    >
      <NewPolicy {...props} />
    </NeedsRolePage>
  );
}

function NewPolicy<Values, Policy, Input>({ kind, intro, listPath, Form, initial, useCreate }: NewPolicyPageProps<Values, Policy, Input>) {
  const create = useCreate();
  const navigate = useNavigate();
  useDocumentTitle(`New ${kind} policy`);
  return (
    <>
      <BackToList kind={kind} listPath={listPath} />
      <h1>New {kind} policy</h1>
      <p className="page-intro">{intro}</p>
      <Form initial={initial} save={create} submitLabel="Create policy" onSaved={() => navigate(listPath)} cancelPath={listPath} />
    </>
  );
}

interface EditPolicyPageProps<Values, Policy, Input> extends PolicyFormPageProps<Values, Policy, Input> {
  useItem: (id: number) => UseQueryResult<Policy>;
  useUpdate: (id: number) => UseMutationResult<Policy, Error, Input>;
  /** The form's values for the policy as it is. */
  formValues: (policy: Policy) => Values;
}

/** The policy of the address (`:id`) in its form (an admin's task), then back to the list. */
export function EditPolicyPage<Values, Policy extends { id: number; name: string }, Input>({
  useItem,
  ...props
}: EditPolicyPageProps<Values, Policy, Input>) {
  return (
    <NeedsRolePage
      atLeast="admin"
      title={`Edit ${props.kind} policy`}
      action={`Changing a ${props.kind} policy`}
      back={{ to: props.listPath, label: `the ${props.kind} policies` }}
    >
      <ItemLoader kind={`${props.kind} policy`} listPath={props.listPath} useItem={useItem}>
        {(policy) => <EditPolicy policy={policy} {...props} />}
      </ItemLoader>
    </NeedsRolePage>
  );
}

function EditPolicy<Values, Policy extends { id: number; name: string }, Input>({
  policy,
  kind,
  intro,
  listPath,
  Form,
  useUpdate,
  formValues,
}: Omit<EditPolicyPageProps<Values, Policy, Input>, 'useItem'> & { policy: Policy }) {
  const update = useUpdate(policy.id);
  const navigate = useNavigate();
  useDocumentTitle(`Edit ${policy.name}`);
  return (
    <>
      <BackToList kind={kind} listPath={listPath} />
      <h1>Edit {policy.name}</h1>
      <p className="page-intro">{intro}</p>
      <Form
        initial={formValues(policy)}
        save={update}
        submitLabel="Save changes"
        onSaved={() => navigate(listPath)}
        cancelPath={listPath}
      />
    </>
  );
}

function BackToList({ kind, listPath }: { kind: string; listPath: string }) {
  return (
    <p className="back-link">
      <Link to={listPath}>← {policiesTitle(kind)}</Link>
    </p>
  );
}
