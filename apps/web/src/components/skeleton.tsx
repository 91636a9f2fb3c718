// Placeholder rows while the first page loads; hidden from assistive tech, which gets the status text.
export function CardSkeletons({ count = 4 }: { count?: number }) {
  return (
    <div role="status" aria-live="polite" className="skeleton-list">
      <span className="visually-hidden">Loading tasks…</span>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="skeleton-card" aria-hidden="true">
          <span className="skeleton-circle" />
          <span className="skeleton-lines">
            <span className="skeleton-line" style={{ width: `${70 - i * 9}%` }} />
            <span className="skeleton-line short" />
          </span>
        </div>
      ))}
    </div>
  );
}
