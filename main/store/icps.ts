import type { Icp } from '../domain/icp';
import { fromJson, isoNow, stmt, toJson, type Db } from './sql';

export interface IcpRecord {
  id: number;
  name: string;
  icp: Icp;
  createdAt: string;
}

interface IcpRow {
  id: number;
  name: string;
  icp_json: string;
  created_at: string;
}

const toRecord = (r: IcpRow): IcpRecord => ({
  id: r.id,
  name: r.name,
  icp: fromJson<Icp>(r.icp_json),
  createdAt: r.created_at,
});

/** Stores an already validated ICP; returns its id. */
export function saveIcp(db: Db, icp: Icp): number {
  const res = stmt(db, 'INSERT INTO icps (name, icp_json, created_at) VALUES (?, ?, ?)').run(
    icp.name,
    toJson(icp),
    isoNow(),
  );
  return Number(res.lastInsertRowid);
}

export function listIcps(db: Db): IcpRecord[] {
  return (stmt(db, 'SELECT * FROM icps ORDER BY id').all() as IcpRow[]).map(toRecord);
}

export function getIcp(db: Db, id: number): IcpRecord | null {
  const row = stmt(db, 'SELECT * FROM icps WHERE id = ?').get(id) as IcpRow | undefined;
  return row ? toRecord(row) : null;
}
