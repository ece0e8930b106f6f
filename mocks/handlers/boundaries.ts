import { levelIdsOf, readLevel } from './query';
import type { RouteResolver } from './route';

/** GET /boundaries?level= (required): the outlines of one level's units, as GeoJSON. */
export const boundaries: RouteResolver = ({ url }, { province }) => {
  const level = readLevel(url, levelIdsOf(province), { required: true }) ?? '';
  return { features: province.boundaries[level] ?? [] };
};
