import type { Indicator } from '../../../src/contract/indicators';
import type { ObservationRow } from '../../../src/contract/observations';
import { rankWithTies } from '../../../src/domain/rank';
import { cellText, headerKey, readNumber } from '../cells';
import { columnLetter, problem, type ImportProblem, type ImportProblemCode, type Message, type Place } from '../problems';
import type { CellValue, Sheet, TableRow } from '../sheet';
import { unheadedCells } from '../unheaded';

/** What a results import is checked against: the catalogue and the unit table. */
export interface ResultsContext {
  indicators: readonly Pick<Indicator, 'id' | 'kind' | 'scale' | 'direction' | 'components' | 'levels'>[];
  units: readonly { code: string; level: string }[];
  /**
   * The level whose rank is national (the province's, among all provinces): a file holds one province, so its
   * rank is never computed from the file; without a rank column it is left out (the national table has it).
   */
  nationalLevel?: string;
}

type Field = 'indicator' | 'year' | 'unit' | 'score' | 'rank';

/** Headers accepted for each column, compared without tones or case (see `headerKey`). */
const HEADERS: Record<Field, string[]> = {
  indicator: ['chi so', 'ma chi so', 'indicator', 'indicator id'],
  year: ['nam', 'ky', 'year', 'period'],
  unit: ['ma don vi', 'don vi', 'unit', 'unit code'],
  score: ['diem', 'diem so', 'gia tri', 'score', 'value'],
  rank: ['thu hang', 'xep hang', 'hang', 'rank'],
};
const REQUIRED: Field[] = ['indicator', 'year', 'unit', 'score'];
const LABELS: Record<Field, Message> = {
  indicator: { vi: 'Chỉ số', en: 'indicator' },
  year: { vi: 'Năm', en: 'year' },
  unit: { vi: 'Mã đơn vị', en: 'unit' },
  score: { vi: 'Điểm', en: 'score' },
  rank: { vi: 'Thứ hạng', en: 'rank' },
};

/** Ranks are computed from the scores as read; 10 places only merges floating-point noise, never two real scores. */
const RANK_DECIMALS = 10;

export interface ResultsParse {
  rows: ObservationRow[];
  problems: ImportProblem[];
}

interface Columns {
  fields: Partial<Record<Field, number>>;
  /** Column index → catalogue component id. */
  components: Map<number, string>;
}

function readHeader(sheet: Sheet, context: ResultsContext, problems: ImportProblem[]): Columns | null {
  const header = sheet.rows[0];
  const place = (index: number | null): Place => ({ sheet: sheet.name, row: header?.row ?? 1, column: index === null ? null : columnLetter(index) });
  if (header === undefined || header.row !== 1 || sheet.rows.length < 2) {
    problems.push(
      problem({ sheet: sheet.name, row: null, column: null }, 'no-data', null, {
        vi: 'Tệp cần dòng tiêu đề ở dòng 1 và ít nhất một dòng dữ liệu bên dưới.',
        en: 'The file needs a header in row 1 and at least one row of data below it.',
      }),
    );
    return null;
  }
  const componentIds = new Map<string, string>();
  for (const indicator of context.indicators) for (const c of indicator.components) componentIds.set(c.id.toLowerCase(), c.id);
  const fields: Partial<Record<Field, number>> = {};
  const components = new Map<number, string>();
  const seen = new Map<string, number>();
  header.cells.forEach((cell, index) => {
    const text = cellText(cell);
    if (text === null) return;
    const key = headerKey(cell);
    const field = (Object.keys(HEADERS) as Field[]).find((f) => HEADERS[f].includes(key));
    const component = componentIds.get(text.toLowerCase());
    const name = field ?? component ?? null;
    if (name === null) {
      problems.push(
        problem(place(index), 'component-unknown', text, {
          vi: `Cột "${text}" (ô ${columnLetter(index)}1) không phải cột bắt buộc, Thứ hạng hay mã một thành phần của chỉ số nào trong danh mục.`,
          en: `Column "${text}" (cell ${columnLetter(index)}1) is not a required column, the rank, or the id of a component of any catalogue indicator.`,
        }),
      );
      return;
    }
    const before = seen.get(name);
    if (before !== undefined) {
      problems.push(
        problem(place(index), 'column-duplicate', text, {
          vi: `Cột "${text}" (cột ${columnLetter(index)}) trùng với cột ${columnLetter(before)}.`,
          en: `Column "${text}" (column ${columnLetter(index)}) repeats column ${columnLetter(before)}.`,
        }),
      );
      return;
    }
    seen.set(name, index);
    if (field) fields[field] = index;
    else if (component) components.set(index, component);
  });
  const missing = REQUIRED.filter((f) => fields[f] === undefined);
  if (missing.length > 0) {
    const found = header.cells.map(cellText).filter((t): t is string => t !== null);
    const foundVi = found.length ? found.map((t) => `"${t}"`).join(', ') : '(không có)';
    const foundEn = found.length ? found.map((t) => `"${t}"`).join(', ') : '(none)';
    for (const f of missing) {
      problems.push(
        problem(place(null), 'column-missing', null, {
          vi: `Thiếu cột "${LABELS[f].vi}" (hoặc "${LABELS[f].en}"). Các tiêu đề ở dòng 1: ${foundVi}.`,
          en: `The column "${LABELS[f].en}" (or "${LABELS[f].vi}") is missing. The headers in row 1 are: ${foundEn}.`,
        }),
      );
    }
    return null;
  }
  return { fields, components };
}

interface Checked {
  row: number;
  observation: ObservationRow;
  direction: Indicator['direction'];
  /** The rank as given in the file, if the file has one for this row. */
  givenRank: number | null;
}

/**
 * Annual index results: one row per indicator, year and unit, with its score, optionally its rank and one column
 * per component id. Rows with any problem are left out of `rows`; a caller stores nothing while `problems` is not
 * empty. Where a group (indicator, year, level) has no ranks in the file, ranks are computed among its rows from
 * the scores as read (competition ranking, in the indicator's direction) and `rankOf` is the group's size.
 */
export function parseResults(sheet: Sheet, context: ResultsContext): ResultsParse {
  const problems: ImportProblem[] = [];
  if (context.units.length === 0 || context.indicators.length === 0) {
    problems.push(
      problem({ sheet: null, row: null, column: null }, context.units.length === 0 ? 'unit-unknown' : 'indicator-unknown', null, {
        vi: 'Kho dữ liệu chưa có bảng đơn vị hoặc danh mục chỉ số, nên chưa thể nhập kết quả: hãy nhập bảng đơn vị trước (hoặc khởi động hub một lần để có tỉnh mẫu).',
        en: 'The hub holds no unit table or indicator catalogue yet, so results cannot be checked: import the unit table first (or start the hub once for the sample province).',
      }),
    );
    return { rows: [], problems };
  }
  const columns = readHeader(sheet, context, problems);
  if (columns === null) return { rows: [], problems };
  problems.push(...unheadedCells(sheet));
  const indicators = new Map(context.indicators.map((i) => [i.id.toLowerCase(), i]));
  const units = new Map(context.units.map((u) => [u.code, u]));
  const checked: Checked[] = [];
  const firstRow = new Map<string, number>();

  for (const tableRow of sheet.rows.slice(1)) {
    const result = checkRow(tableRow, sheet, columns, indicators, units, problems);
    if (result === null) continue;
    const key = `${result.observation.indicator}\u0000${result.observation.period}\u0000${result.observation.unit}`;
    const before = firstRow.get(key);
    if (before !== undefined) {
      const o = result.observation;
      problems.push(
        problem({ sheet: sheet.name, row: tableRow.row, column: null }, 'duplicate-row', `${o.indicator} ${o.period} ${o.unit}`, {
          vi: `Dòng ${tableRow.row} và dòng ${before} cùng là kết quả ${o.indicator} năm ${o.period} của đơn vị ${o.unit}; hãy giữ một dòng.`,
          en: `Rows ${before} and ${tableRow.row} both hold the ${o.indicator} ${o.period} result of unit ${o.unit}; keep one of them.`,
        }),
      );
      continue;
    }
    firstRow.set(key, tableRow.row);
    checked.push(result);
  }

  const unranked = rank(checked, sheet.name, columns.fields.rank, context.nationalLevel, problems);
  return { rows: checked.filter((c) => !unranked.has(c)).map((c) => c.observation), problems };
}

function checkRow(
  tableRow: TableRow,
  sheet: Sheet,
  columns: Columns,
  indicators: Map<string, ResultsContext['indicators'][number]>,
  units: Map<string, ResultsContext['units'][number]>,
  problems: ImportProblem[],
): Checked | null {
  const before = problems.length;
  const at = (index: number) => ({ sheet: sheet.name, row: tableRow.row, column: columnLetter(index) });
  const cell = (index: number | undefined): CellValue => (index === undefined ? null : (tableRow.cells[index] ?? null));
  const report = (index: number, code: ImportProblemCode, value: string | number | null, message: Message) => {
    problems.push(problem(at(index), code, value, message));
  };
  const required = (field: Field): CellValue => {
    const index = columns.fields[field] as number;
    const value = cell(index);
    if (value === null) {
      const name = `${columnLetter(index)}${tableRow.row}`;
      report(index, 'required', null, {
        vi: `Ô ${name} (${LABELS[field].vi}) đang trống.`,
        en: `Cell ${name} (${LABELS[field].en}) is empty.`,
      });
    }
    return value;
  };
  const name = (index: number) => `${columnLetter(index)}${tableRow.row}`;

  // Indicator
  const iCol = columns.fields.indicator as number;
  const iValue = required('indicator');
  let indicator: ResultsContext['indicators'][number] | undefined;
  if (iValue !== null) {
    const text = cellText(iValue) as string;
    indicator = indicators.get(text.toLowerCase());
    if (indicator === undefined) {
      report(iCol, 'indicator-unknown', text, {
        vi: `Ô ${name(iCol)}: chỉ số "${text}" không có trong danh mục.`,
        en: `Cell ${name(iCol)}: the indicator "${text}" is not in the catalogue.`,
      });
    } else if (indicator.kind !== 'annual-index') {
      report(iCol, 'indicator-kind', text, {
        vi: `Ô ${name(iCol)}: "${indicator.id}" không phải chỉ số công bố hằng năm; số liệu của nó không nhập bằng tệp kết quả.`,
        en: `Cell ${name(iCol)}: "${indicator.id}" is not an annual index; its figures are not imported as results.`,
      });
      indicator = undefined;
    }
  }

  // Year
  const yCol = columns.fields.year as number;
  const yValue = required('year');
  let year: number | null = null;
  if (yValue !== null) {
    const n = readNumber(yValue, false);
    if (n === null || !Number.isInteger(n)) {
      report(yCol, 'not-a-whole-number', yValue, {
        vi: `Ô ${name(yCol)}: năm "${cellText(yValue)}" phải là một số nguyên, ví dụ 2024.`,
        en: `Cell ${name(yCol)}: the year "${cellText(yValue)}" must be a whole number, such as 2024.`,
      });
    } else if (n < 1990 || n > 2100) {
      report(yCol, 'year-range', n, {
        vi: `Ô ${name(yCol)}: năm ${n} phải nằm trong khoảng 1990–2100.`,
        en: `Cell ${name(yCol)}: the year ${n} must be between 1990 and 2100.`,
      });
    } else {
      year = n;
    }
  }

  // Unit
  const uCol = columns.fields.unit as number;
  const uValue = required('unit');
  let unit: ResultsContext['units'][number] | undefined;
  if (uValue !== null) {
    const text = cellText(uValue) as string;
    unit = units.get(text);
    if (unit === undefined && typeof uValue === 'number') {
      // A code such as "01" typed into a number cell loses its leading zeros; find the one code it can be.
      const candidates = [...units.values()].filter((u) => u.code.replace(/^0+(?=\d)/, '') === text);
      if (candidates.length === 1) unit = candidates[0];
    }
    if (unit === undefined) {
      report(uCol, 'unit-unknown', text, {
        vi: `Ô ${name(uCol)}: mã đơn vị "${text}" không có trong bảng đơn vị.`,
        en: `Cell ${name(uCol)}: the unit code "${text}" is not in the unit table.`,
      });
    } else if (indicator !== undefined && !indicator.levels.includes(unit.level)) {
      report(uCol, 'level-not-measured', text, {
        vi: `Ô ${name(uCol)}: ${indicator.id} không đo ở cấp "${unit.level}" của đơn vị ${unit.code}.`,
        en: `Cell ${name(uCol)}: ${indicator.id} is not measured at the level "${unit.level}" of unit ${unit.code}.`,
      });
    }
  }

  // Score
  const sCol = columns.fields.score as number;
  const sValue = required('score');
  let score: number | null = null;
  if (sValue !== null) {
    const n = readNumber(sValue, sheet.decimalComma);
    if (n === null) {
      report(sCol, 'not-a-number', sValue, {
        vi: `Ô ${name(sCol)}: điểm "${cellText(sValue)}" không phải là số.`,
        en: `Cell ${name(sCol)}: the score "${cellText(sValue)}" is not a number.`,
      });
    } else if (indicator !== undefined && (n < indicator.scale.min || n > indicator.scale.max)) {
      const { min, max } = indicator.scale;
      report(sCol, 'out-of-scale', n, {
        vi: `Ô ${name(sCol)}: điểm ${n} nằm ngoài thang ${min}–${max} của ${indicator.id}.`,
        en: `Cell ${name(sCol)}: the score ${n} is outside the ${min}–${max} scale of ${indicator.id}.`,
      });
    } else {
      score = n;
    }
  }

  // Rank, when the file has the column
  let givenRank: number | null = null;
  const rCol = columns.fields.rank;
  const rValue = cell(rCol);
  if (rCol !== undefined && rValue !== null) {
    const n = readNumber(rValue, false);
    if (n === null || !Number.isInteger(n) || n < 1) {
      report(rCol, 'not-a-whole-number', rValue, {
        vi: `Ô ${name(rCol)}: thứ hạng "${cellText(rValue)}" phải là số nguyên từ 1 trở lên.`,
        en: `Cell ${name(rCol)}: the rank "${cellText(rValue)}" must be a whole number from 1 up.`,
      });
    } else {
      givenRank = n;
    }
  }

  // Components
  const components: Record<string, number> = {};
  for (const [index, id] of columns.components) {
    const value = cell(index);
    if (value === null) continue;
    const component = indicator?.components.find((c) => c.id === id);
    if (indicator === undefined) continue;
    if (component === undefined) {
      report(index, 'component-unknown', cellText(value), {
        vi: `Ô ${name(index)}: ${indicator.id} không có thành phần "${id}".`,
        en: `Cell ${name(index)}: ${indicator.id} has no component "${id}".`,
      });
      continue;
    }
    if (year !== null && ((component.validFrom !== undefined && year < component.validFrom) || (component.validTo !== undefined && year > component.validTo))) {
      report(index, 'component-period', cellText(value), {
        vi: `Ô ${name(index)}: thành phần "${id}" của ${indicator.id} không có trong năm ${year}.`,
        en: `Cell ${name(index)}: the component "${id}" of ${indicator.id} does not exist in ${year}.`,
      });
      continue;
    }
    const n = readNumber(value, sheet.decimalComma);
    if (n === null) {
      report(index, 'not-a-number', value, {
        vi: `Ô ${name(index)}: điểm thành phần "${cellText(value)}" không phải là số.`,
        en: `Cell ${name(index)}: the component score "${cellText(value)}" is not a number.`,
      });
    } else if (n < 0 || n > component.max) {
      report(index, 'component-range', n, {
        vi: `Ô ${name(index)}: điểm ${n} của thành phần "${id}" nằm ngoài khoảng 0–${component.max}.`,
        en: `Cell ${name(index)}: the score ${n} of component "${id}" is outside 0–${component.max}.`,
      });
    } else {
      components[id] = n;
    }
  }

  if (problems.length > before || indicator === undefined || unit === undefined || year === null || score === null) return null;
  const observation: ObservationRow = { indicator: indicator.id, unit: unit.code, level: unit.level, period: year, value: score };
  if (Object.keys(components).length > 0) observation.components = components;
  return { row: tableRow.row, observation, direction: indicator.direction, givenRank };
}

/**
 * Gives each group (indicator, year, level) its ranks: the file's, when every row has one; computed, when none
 * has (except at the national level, where the file cannot know them).
 */
function rank(checked: Checked[], sheetName: string, rankColumn: number | undefined, nationalLevel: string | undefined, problems: ImportProblem[]): Set<Checked> {
  const unranked = new Set<Checked>();
  const groups = new Map<string, Checked[]>();
  for (const c of checked) {
    const key = `${c.observation.indicator}\u0000${c.observation.period}\u0000${c.observation.level}`;
    const group = groups.get(key) ?? [];
    group.push(c);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    const given = group.filter((c) => c.givenRank !== null);
    if (given.length === 0 && group[0]?.observation.level === nationalLevel) continue;
    if (given.length === 0) {
      const ranks = rankWithTies(
        group.map((c) => c.observation.value),
        group[0]?.direction,
        RANK_DECIMALS,
      );
      group.forEach((c, i) => {
        c.observation.rank = ranks[i];
        c.observation.rankOf = group.length;
      });
      continue;
    }
    const first = group[0]?.observation as ObservationRow;
    for (const c of group) {
      if (c.givenRank === null) {
        unranked.add(c);
        const column = columnLetter(rankColumn as number);
        problems.push(
          problem({ sheet: sheetName, row: c.row, column }, 'rank-partial', null, {
            vi: `Ô ${column}${c.row}: thiếu thứ hạng, trong khi các dòng khác của ${first.indicator} năm ${first.period} (cấp ${first.level}) có thứ hạng. Hãy điền đủ hoặc để trống cả cột.`,
            en: `Cell ${column}${c.row}: the rank is missing while other rows of ${first.indicator} ${first.period} (level ${first.level}) have one. Fill them all or leave the column empty.`,
          }),
        );
      } else {
        c.observation.rank = c.givenRank;
        // Within the province, a rank is among the units of the level the file holds; a national rank's "among"
        // is the number of provinces, which the file does not say.
        if (c.observation.level !== nationalLevel) c.observation.rankOf = group.length;
      }
    }
  }
  return unranked;
}
