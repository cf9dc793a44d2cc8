/**
 * Bank holidays in England and Wales, 2022 to 2026, as proclaimed: substitute days where a holiday
 * falls at a weekend, the moved spring bank holiday and the Platinum Jubilee (June 2022), the State
 * Funeral of Queen Elizabeth II (19 September 2022) and the Coronation of King Charles III
 * (8 May 2023). Add a year here before decisions of that year need a call-in deadline.
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: Readonly<Record<number, readonly string[]>> = {
  2022: [
    '2022-01-03', // New Year's Day (substitute day)
    '2022-04-15', // Good Friday
    '2022-04-18', // Easter Monday
    '2022-05-02', // Early May bank holiday
    '2022-06-02', // Spring bank holiday (moved)
    '2022-06-03', // Platinum Jubilee bank holiday
    '2022-08-29', // Summer bank holiday
    '2022-09-19', // State Funeral of Queen Elizabeth II
    '2022-12-26', // Boxing Day
    '2022-12-27', // Christmas Day (substitute day)
  ],
  2023: [
    '2023-01-02', // New Year's Day (substitute day)
    '2023-04-07', // Good Friday
    '2023-04-10', // Easter Monday
    '2023-05-01', // Early May bank holiday
    '2023-05-08', // Bank holiday for the Coronation of King Charles III
    '2023-05-29', // Spring bank holiday
    '2023-08-28', // Summer bank holiday
    '2023-12-25', // Christmas Day
    '2023-12-26', // Boxing Day
  ],
  2024: [
    '2024-01-01', // New Year's Day
    '2024-03-29', // Good Friday
    '2024-04-01', // Easter Monday
    '2024-05-06', // Early May bank holiday
    '2024-05-27', // Spring bank holiday
    '2024-08-26', // Summer bank holiday
    '2024-12-25', // Christmas Day
    '2024-12-26', // Boxing Day
  ],
  2025: [
    '2025-01-01', // New Year's Day
    '2025-04-18', // Good Friday
    '2025-04-21', // Easter Monday
    '2025-05-05', // Early May bank holiday
    '2025-05-26', // Spring bank holiday
    '2025-08-25', // Summer bank holiday
    '2025-12-25', // Christmas Day
    '2025-12-26', // Boxing Day
  ],
  2026: [
    '2026-01-01', // New Year's Day
    '2026-04-03', // Good Friday
    '2026-04-06', // Easter Monday
    '2026-05-04', // Early May bank holiday
    '2026-05-25', // Spring bank holiday
    '2026-08-31', // Summer bank holiday
    '2026-12-25', // Christmas Day
    '2026-12-28', // Boxing Day (substitute day)
  ],
}
