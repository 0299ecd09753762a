import { describe, expect, it } from 'vitest';
import { tickYears } from '../../src/ui/year-brush';

describe('tickYears', () => {
  it('labels every year of a short range', () => {
    expect(tickYears(2019, 2023)).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(tickYears(2024, 2024)).toEqual([2024]);
  });

  it('labels every 2, 5 or 10 years on longer ranges, adding the ends only when they do not collide', () => {
    expect(tickYears(2015, 2025)).toEqual([2016, 2018, 2020, 2022, 2024]);
    expect(tickYears(2014, 2025)).toEqual([2014, 2016, 2018, 2020, 2022, 2024]);
    expect(tickYears(2001, 2025)).toEqual([2005, 2010, 2015, 2020, 2025]);
    expect(tickYears(1950, 2025)).toEqual([1950, 1960, 1970, 1980, 1990, 2000, 2010, 2020]);
  });
});
