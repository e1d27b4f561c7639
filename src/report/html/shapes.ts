/** Planar polygon types, as polyclip-ts (and GeoJSON) lay them out. */
export type Pair = [number, number];
export type Ring = Pair[];
export type Polygon = Ring[];
export type MultiPolygon = Polygon[];
