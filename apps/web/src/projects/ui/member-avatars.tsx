"use client";
// The first few members of a project as initials, the rest as "+n".
import type { Member } from "./project-types";

const SHOWN = 4;

export function MemberAvatars({ members }: { members: Member[] }) {
  const rest = members.length - SHOWN;
  return (
    <ul className="member-avatars" aria-label={`${members.length} members`}>
      {members.slice(0, SHOWN).map((m) => (
        <li key={m.userId} className="avatar" title={`${m.name} (${m.role.toLowerCase()})`}>
          {m.name.slice(0, 1).toUpperCase()}
        </li>
      ))}
      {rest > 0 && <li className="avatar more">+{rest}</li>}
    </ul>
  );
}
