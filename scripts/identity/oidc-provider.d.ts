// oidc-provider ships no type declarations; the embedded provider uses a small part of it.
declare module 'oidc-provider';
