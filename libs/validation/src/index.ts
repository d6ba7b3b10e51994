export { instanceCheck, payloadCheck } from './compiled-rules';
export type { PayloadCheck } from './compiled-rules';
export * from './unsafe-input';
