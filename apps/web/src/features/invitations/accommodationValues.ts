import { noAccommodations, type Accommodations } from '@oneway/shared';

export const timeOptions = [
  { value: '1', label: 'Standard' },
  { value: '1.5', label: '1.5×' },
  { value: '2', label: '2×' },
  { value: '3', label: '3×' },
  { value: 'untimed', label: 'Untimed' },
];

export const extraTakeOptions = Array.from({ length: 11 }, (_, n) => ({
  value: String(n),
  label: n === 0 ? 'None' : String(n),
}));

export const answerFormatOptions = [
  { value: 'video', label: 'Video (as set)' },
  { value: 'audio', label: 'Audio only' },
  { value: 'text', label: 'Text' },
];

/** The accommodation fields of a form, as strings (a type, not an interface, so useForm accepts it). */
export type AccommodationValues = {
  time: string;
  extraTakes: string;
  format: string;
};

export function toAccommodationValues(a: Accommodations = noAccommodations): AccommodationValues {
  return {
    time: a.timeMultiplier === null ? 'untimed' : String(a.timeMultiplier),
    extraTakes: String(a.extraTakes),
    format: a.answerFormat ?? 'video',
  };
}

const multipliers: Record<string, Accommodations['timeMultiplier']> = {
  '1': 1,
  '1.5': 1.5,
  '2': 2,
  '3': 3,
  untimed: null,
};

export function toAccommodations(values: AccommodationValues): Accommodations {
  const multiplier = multipliers[values.time];
  return {
    timeMultiplier: multiplier === undefined ? 1 : multiplier,
    extraTakes: Number(values.extraTakes) || 0,
    answerFormat: values.format === 'audio' || values.format === 'text' ? values.format : null,
  };
}

/** API paths of accommodation problems, shown on the form's own fields. */
export const accommodationFieldRoutes = [
  { prefix: 'accommodations.timeMultiplier', field: 'time' },
  { prefix: 'accommodations.extraTakes', field: 'extraTakes' },
  { prefix: 'accommodations.answerFormat', field: 'format' },
  { prefix: 'timeMultiplier', field: 'time' },
  { prefix: 'answerFormat', field: 'format' },
];
