/** A small file people can download, fill in and import; the deadline column is optional per row. */
const exampleCsv = [
  'name,email,phone,external_id,deadline',
  'Ada Lovelace,ada@example.com,+44 20 7946 0000,ATS-1001,',
  'Grace Hopper,grace@example.com,,ATS-1002,2030-05-01 17:00',
].join('\r\n');

export const exampleCsvHref = `data:text/csv;charset=utf-8,${encodeURIComponent(exampleCsv)}`;

/** Column names as the CSV writes them, for problems reported against a column. */
export const csvColumnNames: Record<string, string> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  external_id: 'external_id',
  externalId: 'external_id',
  deadline: 'deadline',
  csv: 'row',
};
