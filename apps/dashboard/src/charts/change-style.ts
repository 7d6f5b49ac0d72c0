import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from 'd3-shape';
import { OKABE_ITO } from './palette';

export type ChangeCategory = 'recovered' | 'improved' | 'unchanged' | 'deteriorated';

export const CHANGE_CATEGORY_ORDER: readonly ChangeCategory[] = [
  'recovered',
  'improved',
  'unchanged',
  'deteriorated',
];

/** Colour and shape per reliable-change category: two cues, so the category never rests on colour alone. */
export const CHANGE_STYLE: Record<ChangeCategory, { colour: string; symbol: SymbolType }> = {
  recovered: { colour: OKABE_ITO.bluishGreen, symbol: symbolCircle },
  improved: { colour: OKABE_ITO.skyBlue, symbol: symbolTriangle },
  unchanged: { colour: '#a3acb8', symbol: symbolSquare },
  deteriorated: { colour: OKABE_ITO.vermillion, symbol: symbolDiamond },
};

/** SVG path of a category's symbol centred on the origin, with the given area in square pixels. */
export function categorySymbolPath(category: ChangeCategory, area = 42): string {
  return symbol(CHANGE_STYLE[category].symbol, area)() ?? '';
}
