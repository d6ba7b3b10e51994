export * from './retention-participant';
