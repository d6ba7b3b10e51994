export { isValidTimezone, wallClock, WallClock, zoneOffsetMs } from './zone-offset';
