/** A question's tags as a short list; nothing when it has none. */
export function BankTags({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <p className="bank-tags">
      <span className="visually-hidden">Tags: </span>
      {tags.map((tag, index) => (
        <span key={tag} className="bank-tag">
          {tag}
          {index < tags.length - 1 ? <span className="visually-hidden">, </span> : null}
        </span>
      ))}
    </p>
  );
}
