/** The player's keyboard shortcuts, referenced by every player region. */
export function ShortcutsHelp() {
  return (
    <details className="shortcuts">
      <summary>Keyboard shortcuts</summary>
      <div id="player-shortcuts">
        <p>When a player has focus:</p>
        <ul>
          <li>
            <kbd>k</kbd> or <kbd>Space</kbd>: play or pause
          </li>
          <li>
            <kbd>j</kbd> / <kbd>l</kbd>: back or forward 5 seconds
          </li>
          <li>
            <kbd>n</kbd>: next question
          </li>
        </ul>
      </div>
    </details>
  );
}
