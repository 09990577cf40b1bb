import type { ReactNode } from 'react';
import { BrandMark } from './brand-mark';
import './auth-card.css';
import { useDocumentTitle } from '../util/use-document-title';

interface AuthCardProps {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}

/** The centred card that the setup, login and "cannot reach the server" screens share. */
export function AuthCard({ title, intro, children }: AuthCardProps) {
  useDocumentTitle(title);
  return (
    <main className="auth-screen">
      <div className="auth-card">
        <p className="auth-card__brand">
          <BrandMark />
          Borgitory
        </p>
        <h1>{title}</h1>
        {intro && <div className="auth-card__intro">{intro}</div>}
        {children}
      </div>
    </main>
  );
}
