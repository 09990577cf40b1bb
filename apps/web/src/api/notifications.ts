import { unwrap, unwrapPage, type operations, type Schemas } from '@borgitory/api-client';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from './client';

/** The events channels can subscribe to, the placeholders of message templates and the default message. */
export type NotificationCatalog = Schemas['NotificationCatalogDto'];
export type EventName = Schemas['EventName'];
/** An event a delivery carries: a subscribable one, or `test`. */
export type DeliveryEventName = Schemas['DeliveryEventName'];
/** A service Apprise knows, as form fields and the template its URL is made from. */
export type NotificationService = Schemas['NotificationServiceDto'];
export type NotificationServiceField = Schemas['NotificationServiceFieldDto'];
export type ChannelType = Schemas['NotificationChannelType'];
/** A channel as the API sends it: secrets only by name (`secrets_set`), where it sends with secrets masked (`target`). */
export type Channel = Schemas['NotificationChannelDto'];
/** What the form sends; on PUT a secret left out of `config` keeps its stored value (while the type stays the same). */
export type ChannelInput = Schemas['NotificationChannelInputDto'];
export type ChannelTestResult = Schemas['ChannelTestResultDto'];
export type Delivery = Schemas['NotificationDeliveryDto'];
export type DeliveryAttempt = Schemas['DeliveryAttemptDto'];
export type DeliveryStatus = Schemas['DeliveryStatus'];

export const CHANNEL_PAGE_SIZE = 50;
export const DELIVERY_PAGE_SIZE = 50;
/** The most channels a select offers (the API's page limit). */
const CHANNEL_OPTIONS_LIMIT = 200;
/** How often the log is read again while a delivery in it is still pending. */
const PENDING_REFRESH_MS = 2000;

type DeliveryListQuery = NonNullable<operations['notificationsDeliveries']['parameters']['query']>;

/** The delivery log's filters; an absent filter lists everything. */
export interface DeliveryFilters {
  channel_id?: number;
  event?: DeliveryEventName;
  status?: DeliveryStatus;
}

export const notificationKeys = {
  catalog: ['notification-catalog'] as const,
  services: ['notification-services'] as const,
  channels: ['notification-channels'] as const,
  channelLists: ['notification-channels', 'list'] as const,
  channelList: (offset: number) => ['notification-channels', 'list', { offset, limit: CHANNEL_PAGE_SIZE }] as const,
  channelOptions: ['notification-channels', 'list', { offset: 0, limit: CHANNEL_OPTIONS_LIMIT }] as const,
  channel: (id: number) => ['notification-channels', 'detail', id] as const,
  deliveries: ['notification-deliveries'] as const,
  deliveryList: (filters: DeliveryFilters, offset: number) => ['notification-deliveries', { ...filters, offset }] as const,
};

/** The events and template placeholders; they change only with the server. */
export function useNotificationCatalog() {
  return useQuery({
    queryKey: notificationKeys.catalog,
    queryFn: () => unwrap(api.GET('/api/v1/notifications/events')),
    staleTime: Infinity,
  });
}

/** The Apprise services the form offers, with their fields; they change only with the server. */
export function useNotificationServices() {
  return useQuery({
    queryKey: notificationKeys.services,
    queryFn: () => unwrap(api.GET('/api/v1/notifications/providers')),
    staleTime: Infinity,
  });
}

/** One page of channels, by name; the previous page stays on screen while the next one loads. */
export function useChannels(offset: number) {
  return useQuery({
    queryKey: notificationKeys.channelList(offset),
    queryFn: () => unwrapPage(api.GET('/api/v1/notifications/channels', { params: { query: { limit: CHANNEL_PAGE_SIZE, offset } } })),
    placeholderData: keepPreviousData,
  });
}

/** The channels to choose from in the delivery log's filter, by name. */
export function useChannelOptions() {
  return useQuery({
    queryKey: notificationKeys.channelOptions,
    queryFn: () =>
      unwrapPage(api.GET('/api/v1/notifications/channels', { params: { query: { limit: CHANNEL_OPTIONS_LIMIT, offset: 0 } } })),
  });
}

export function useChannel(id: number) {
  return useQuery({
    queryKey: notificationKeys.channel(id),
    queryFn: () => unwrap(api.GET('/api/v1/notifications/channels/{id}', { params: { path: { id } } })),
  });
}

/** A channel as the server saved it: kept as it is, and the lists asked again. */
function refreshChannel(queryClient: QueryClient, channel: Channel): Promise<unknown> {
  queryClient.setQueryData(notificationKeys.channel(channel.id), channel);
  return queryClient.invalidateQueries({ queryKey: notificationKeys.channelLists });
}

export function useCreateChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput) => unwrap(api.POST('/api/v1/notifications/channels', { body: input })),
    onSuccess: (channel) => refreshChannel(queryClient, channel),
  });
}

export function useUpdateChannel(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput) => unwrap(api.PUT('/api/v1/notifications/channels/{id}', { params: { path: { id } }, body: input })),
    onSuccess: (channel) => refreshChannel(queryClient, channel),
  });
}

/** Deletes the channel; its deliveries stay in the log. */
export function useDeleteChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.DELETE('/api/v1/notifications/channels/{id}', { params: { path: { id } } })),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: notificationKeys.channel(id) });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: notificationKeys.channelLists }),
        queryClient.invalidateQueries({ queryKey: notificationKeys.deliveries }),
      ]);
    },
  });
}

/** Sends a test message now and answers whether it arrived; the test is in the delivery log too. */
export function useTestChannel(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/channels/{id}/test', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.deliveries }),
  });
}

/** The filters in the API's terms: each one a set of one value. */
function deliveryListQuery(filters: DeliveryFilters, offset: number): DeliveryListQuery {
  return {
    limit: DELIVERY_PAGE_SIZE,
    offset,
    ...(filters.channel_id !== undefined ? { channel_id: [filters.channel_id] } : {}),
    ...(filters.event ? { event: [filters.event] } : {}),
    ...(filters.status ? { status: [filters.status] } : {}),
  };
}

/** One page of the delivery log, newest first; read again every few seconds while a delivery on it is pending. */
export function useDeliveries(filters: DeliveryFilters, offset: number) {
  return useQuery({
    queryKey: notificationKeys.deliveryList(filters, offset),
    queryFn: () => unwrapPage(api.GET('/api/v1/notifications/deliveries', { params: { query: deliveryListQuery(filters, offset) } })),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((delivery) => delivery.status === 'pending') ? PENDING_REFRESH_MS : false),
  });
}

/** Queues a failed or suppressed delivery again, with a fresh round of attempts. */
export function useResendDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.POST('/api/v1/notifications/deliveries/{id}/resend', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.deliveries }),
  });
}
