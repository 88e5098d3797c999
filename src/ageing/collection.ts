// The chance of collecting an invoice falls with its age. The default curve is an industry
// rule of thumb, not a law: it is labelled as such wherever it is shown.

import { numberText } from '../primitives/localeText';
import { fail, formatMessage, type Language } from '../primitives/messages';

export interface CurvePoint {
  readonly daysOverdue: number;
  readonly probability: number; // 0-1
}

export interface CollectionCurve {
  readonly label: string;
  /** The label in French, where the curve has one (the default's); else the label is shown as given. */
  readonly labelFr?: string;
  readonly points: readonly CurvePoint[];
}

export const DEFAULT_COLLECTION_CURVE: CollectionCurve = {
  label: 'Rule of thumb attributed to a 2004 Commercial Collection Agency Association survey',
  labelFr: 'Règle empirique attribuée à une enquête de 2004 de la Commercial Collection Agency Association',
  points: [
    { daysOverdue: 0, probability: 0.949 },
    { daysOverdue: 30, probability: 0.899 },
    { daysOverdue: 60, probability: 0.813 },
    { daysOverdue: 90, probability: 0.696 },
    { daysOverdue: 180, probability: 0.521 },
    { daysOverdue: 270, probability: 0.391 },
    { daysOverdue: 365, probability: 0.228 },
    { daysOverdue: 730, probability: 0.093 },
  ],
};

/** The curve's label in a language: the default's in French in a French sheet. */
export function curveLabel(curve: CollectionCurve, language: Language): string {
  return language === 'fr' ? (curve.labelFr ?? curve.label) : curve.label;
}

export function makeCollectionCurve(points: readonly CurvePoint[], label = 'User curve'): CollectionCurve {
  if (points.length === 0)
    fail('curveInvalid', {
      reason: { en: 'give at least one (days, probability) point', fr: 'donnez au moins un point (jours, probabilité)' },
    });
  points.forEach((point, index) => {
    if (!Number.isFinite(point.daysOverdue))
      fail('curveInvalid', {
        reason: { en: `day ${point.daysOverdue} is not a number`, fr: `le jour ${point.daysOverdue} n’est pas un nombre` },
      });
    if (!(point.probability >= 0 && point.probability <= 1)) {
      fail('curveInvalid', {
        reason: {
          en: formatMessage('probabilityNotFraction', { value: point.probability }, 'en'),
          fr: formatMessage('probabilityNotFraction', { value: numberText(point.probability, 'fr') }, 'fr'),
        },
      });
    }
    const previous = points[index - 1];
    if (previous && point.daysOverdue <= previous.daysOverdue) {
      fail('curveInvalid', {
        reason: {
          en: `days must go up: ${point.daysOverdue} after ${previous.daysOverdue}`,
          fr: `les jours doivent croître : ${point.daysOverdue} après ${previous.daysOverdue}`,
        },
      });
    }
  });
  return { label, points: [...points] };
}

/** Linear between points, flat before the first and after the last. */
export function collectionProbability(daysOverdue: number, curve: CollectionCurve = DEFAULT_COLLECTION_CURVE): number {
  const points = curve.points;
  const first = points[0] as CurvePoint;
  if (daysOverdue <= first.daysOverdue) return first.probability;
  for (let i = 1; i < points.length; i++) {
    const right = points[i] as CurvePoint;
    if (daysOverdue <= right.daysOverdue) {
      const left = points[i - 1] as CurvePoint;
      const share = (daysOverdue - left.daysOverdue) / (right.daysOverdue - left.daysOverdue);
      // Rounded to 12 places so 45 days reads 0.856, not 0.8560000000000001.
      return Math.round((left.probability + share * (right.probability - left.probability)) * 1e12) / 1e12;
    }
  }
  return (points[points.length - 1] as CurvePoint).probability;
}
