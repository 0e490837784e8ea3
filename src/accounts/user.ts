// A person with an account, as every slice sees them (never their password hash).
export type Role = 'contributor' | 'reviewer' | 'administrator';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  language: string;
  createdAt: string;
}
