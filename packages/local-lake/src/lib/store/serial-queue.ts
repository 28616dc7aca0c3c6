/**
 * Runs async tasks one at a time, in the order they were queued.
 * A failing task does not stop the tasks after it.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve()
  #pending = 0

  /** Queues `task`; resolves or rejects with its outcome once it has run. */
  run<T>(task: () => Promise<T> | T): Promise<T> {
    this.#pending++
    const result = this.#tail.then(task)
    this.#tail = result.then(
      () => this.#pending--,
      () => this.#pending--,
    )
    return result
  }

  /** Number of tasks queued or running. */
  get pending(): number {
    return this.#pending
  }

  /** Resolves once every task queued so far has finished. */
  async idle(): Promise<void> {
    while (this.#pending > 0) await this.#tail
  }
}
