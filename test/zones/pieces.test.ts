/** zonesInPieces: the zones that are not one piece of the neighbour graph, and their pieces. */
import { describe, expect, it } from 'vitest';
import { zonesInPieces } from '../../src/zones/pieces.js';

// A row of five areas, A1 - A2 - A3 - A4 - A5, each a neighbour of the next.
const areas = ['A1', 'A2', 'A3', 'A4', 'A5'];
const row = [[1], [0, 2], [1, 3], [2, 4], [3]];
const zoning = (zones: string) => new Map(areas.map((a, i) => [a, `Z${zones[i]}`]));

describe('zonesInPieces', () => {
  it('names nothing when every zone is one piece', () => {
    expect(zonesInPieces(areas, row, zoning('11223'))).toEqual([]);
  });

  it('names each zone in pieces with its pieces, by zone id and first area', () => {
    // Z1 holds A1, A3 and A5: three pieces, as A2 and A4 (zone Z2, two pieces) cut them apart.
    expect(zonesInPieces(areas, row, zoning('12121'))).toEqual([
      { zoneId: 'Z1', pieces: [['A1'], ['A3'], ['A5']] },
      { zoneId: 'Z2', pieces: [['A2'], ['A4']] },
    ]);
    expect(zonesInPieces(areas, row, zoning('11211'))).toEqual([
      {
        zoneId: 'Z1',
        pieces: [
          ['A1', 'A2'],
          ['A4', 'A5'],
        ],
      },
    ]);
  });
});
