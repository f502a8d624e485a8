import { expect, it } from 'vitest'
import { groupCommitter } from './group'

/** A transaction the test commits by hand: `run` resolves only when the test says so. */
function manual() {
  const groups: { batches: number[]; commit(): void; fail(e: Error): void }[] = []
  const run = (batches: number[]) =>
    new Promise<number[]>((resolve, reject) => groups.push({ batches, commit: () => resolve(batches.map((b) => b * 10)), fail: reject }))
  return { groups, run }
}

const settledSoon = () => new Promise((r) => setImmediate(r))

it('runs a batch at once when idle, groups the batches that arrive meanwhile, and resolves each only after its commit', async () => {
  const { groups, run } = manual()
  const write = groupCommitter<number, number>({ maxInFlight: 1, maxItems: 100, sizeOf: () => 1, run })
  const done: number[] = []
  const results = [1, 2, 3, 4].map((b) => write(b).then((r) => void done.push(r)))
  await settledSoon()
  expect(groups.map((g) => g.batches)).toEqual([[1]])
  groups[0]!.commit()
  await expect.poll(() => groups.length).toBe(2)
  expect(done).toEqual([10])
  expect(groups[1]!.batches).toEqual([2, 3, 4])
  await settledSoon()
  expect(done).toEqual([10]) // not acknowledged before the shared transaction commits
  groups[1]!.commit()
  await Promise.all(results)
  expect(done).toEqual([10, 20, 30, 40])
})

it('caps a group at maxItems, and keeps maxInFlight transactions running', async () => {
  const { groups, run } = manual()
  const write = groupCommitter<number, number>({ maxInFlight: 2, maxItems: 5, sizeOf: (b) => b, run })
  const results = [1, 1, 3, 2, 2, 9].map((b) => write(b))
  await settledSoon()
  expect(groups.map((g) => g.batches)).toEqual([[1], [1]])
  groups[0]!.commit()
  groups[1]!.commit()
  await expect.poll(() => groups.length).toBe(4)
  expect(groups.slice(2).map((g) => g.batches)).toEqual([[3, 2], [2]])
  groups[2]!.commit()
  groups[3]!.commit()
  await expect.poll(() => groups.length).toBe(5)
  expect(groups[4]!.batches).toEqual([9]) // larger than the cap: alone
  groups[4]!.commit()
  expect(await Promise.all(results)).toEqual([10, 10, 30, 20, 20, 90])
})

it('when a shared transaction fails, runs its batches again one by one and rejects only the one that fails alone', async () => {
  const { groups, run } = manual()
  const write = groupCommitter<number, number>({ maxInFlight: 1, maxItems: 100, sizeOf: () => 1, run })
  const results = [1, 2, 3, 4].map((b) =>
    write(b).then(
      (r) => ({ r }),
      (e: Error) => ({ e: e.message }),
    ),
  )
  await settledSoon()
  groups[0]!.commit()
  await expect.poll(() => groups.length).toBe(2)
  groups[1]!.fail(new Error('group failed'))
  for (const [i, b] of [2, 3, 4].entries()) {
    await expect.poll(() => groups.length).toBe(3 + i)
    expect(groups[2 + i]!.batches).toEqual([b])
    if (b === 3) groups[2 + i]!.fail(new Error('3 is bad'))
    else groups[2 + i]!.commit()
  }
  expect(await Promise.all(results)).toEqual([{ r: 10 }, { r: 20 }, { e: '3 is bad' }, { r: 40 }])
})

it("rejects the whole group at once when its failure is not one batch's fault (the database is down)", async () => {
  const { groups, run } = manual()
  const write = groupCommitter<number, number>({ maxInFlight: 1, maxItems: 100, sizeOf: () => 1, run, mayIsolate: (e) => (e as Error).message !== 'down' })
  const results = [1, 2, 3].map((b) =>
    write(b).then(
      (r) => ({ r }),
      (e: Error) => ({ e: e.message }),
    ),
  )
  await settledSoon()
  groups[0]!.commit()
  await expect.poll(() => groups.length).toBe(2)
  groups[1]!.fail(new Error('down'))
  expect(await Promise.all(results)).toEqual([{ r: 10 }, { e: 'down' }, { e: 'down' }])
  expect(groups).toHaveLength(2)
})
