export * from './identity-config';
export * from './role-mapping';
export * from './token-verifier';
export * from './identity.module';
export * from './need-to-know';
export * from './audit';
