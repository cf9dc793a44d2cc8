/** How far a long run has got: done of total, the rate so far and the time it will take at that rate. */
export interface Progress {
  done: number
  total: number
  /** Things done a second so far; null until there is a first one to measure. */
  perSecond: number | null
  /** Seconds left at the rate so far; null when it cannot be told yet. */
  secondsLeft: number | null
}

/** The arithmetic of a progress report, given the milliseconds since the run started. */
export function progressOf(done: number, total: number, elapsedMs: number): Progress {
  const perSecond = done > 0 && elapsedMs > 0 ? (done * 1000) / elapsedMs : null
  const secondsLeft = perSecond === null ? null : Math.max(0, total - done) / perSecond
  return { done, total, perSecond, secondsLeft }
}

/** '45 s', '3 min 5 s', '2 h 10 min': rounded up, so that the last seconds never read '0 s' until done. */
export function formatDuration(seconds: number): string {
  const whole = Math.ceil(seconds)
  if (whole < 60) return `${whole} s`
  if (whole < 3600) return `${Math.floor(whole / 60)} min${whole % 60 ? ` ${whole % 60} s` : ''}`
  const minutes = Math.floor((whole % 3600) / 60)
  return `${Math.floor(whole / 3600)} h${minutes ? ` ${minutes} min` : ''}`
}

/** 'Fetching: 12 of 40 (30%), 2.5 a second, about 12 s left'. */
export function formatProgress(label: string, progress: Progress): string {
  const { done, total, perSecond, secondsLeft } = progress
  const percent = total > 0 ? ` (${Math.floor((done * 100) / total)}%)` : ''
  const parts = [`${label}: ${done} of ${total}${percent}`]
  if (perSecond !== null) parts.push(`${perSecond >= 10 ? Math.round(perSecond) : perSecond.toFixed(1)} a second`)
  if (secondsLeft !== null && done < total) parts.push(`about ${formatDuration(secondsLeft)} left`)
  return parts.join(', ')
}

export interface ProgressLineOptions {
  /** What the run is doing, before the numbers: 'Asking the web service'. */
  label: string
  write: (text: string) => void
  /** Written over itself on a terminal; otherwise nothing until the end, then one line. */
  isTTY: boolean
  now?: () => number
}

export interface ProgressLine {
  update(done: number, total: number): void
  /** Ends the line: on a terminal the last report stays, with a new line; elsewhere one final line. */
  finish(): void
}

/**
 * A progress line on a terminal, `\r` taking it back to the start each time, at most ten times a second;
 * silent when not a terminal until it finishes.
 */
export function createProgressLine(options: ProgressLineOptions): ProgressLine {
  const now = options.now ?? Date.now
  const started = now()
  let last = { done: 0, total: 0 }
  let width = 0
  let written = -Infinity
  const line = (at = now()) => formatProgress(options.label, progressOf(last.done, last.total, at - started))
  return {
    update(done, total) {
      last = { done, total }
      if (!options.isTTY) return
      // A terminal is not written to for every one of thousands of records: ten times a second, and the last.
      const at = now()
      if (done < total && at - written < 100) return
      written = at
      const text = line(at)
      // Spaces wipe what is left of a longer line before it.
      options.write(`\r${text.padEnd(width)}`)
      width = text.length
    },
    finish() {
      if (last.total === 0 && last.done === 0) return
      options.write(options.isTTY ? '\n' : `${line()}\n`)
    },
  }
}
