export * from './retention-participant';
export * from './inquiry-ids.dto';
export * from './data-subject-export';
export * from './removals-statement';
