export * from './retention-participant';
export * from './inquiry-ids.dto';
