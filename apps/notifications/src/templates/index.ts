export * from './default-templates';
export * from './engine';
