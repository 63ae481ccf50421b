"""Centre → site: signed, encrypted messages under ``from-centre/<site>/`` with acknowledgements and queries.

Each message is a snapshot: what the centre has applied of the site's packages, the current state of every
query the centre raised for the site, each with its revision, and every decision the centre took on queries the
site raised (close or re-open, with a reason, numbered per query, and the deciding centre user's full name, which
the site's audit entry names with the username). A site applies a query state only when its
revision is newer than the one it holds, and a decision only when its number is above the last one it applied
(``queries.centre_decision``), so messages may arrive twice, late or out of order, and a lost one costs nothing
(the next carries everything). How a decision meets a query the site changed meanwhile is the rule in
``store/query_decisions.py``. Same package format, kind ``centre-message``.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from crf_desktop.core.clock import iso, parse_iso, utcnow
from crf_desktop.store import audit, sync_state
from crf_desktop.store import centre as centre_store
from crf_desktop.store import queries as site_queries
from crf_desktop.store import users as centre_users
from crf_desktop.store.datadir import fsync_dir
from crf_desktop.store.queries import QueryStatus, centre_user
from crf_desktop.store.query_decisions import CLOSE, Decision, QueryState, apply
from crf_desktop.sync.folder import (
    ensure_folder,
    folder_error,
    message_name,
    messages_in,
    site_inbox,
    write_partial,
)
from crf_desktop.sync.keys import KeyPairs
from crf_desktop.sync.package import (
    CENTRE_MESSAGE,
    GENESIS,
    Header,
    PackageRejected,
    Reason,
    check_signature,
    frame,
    open_body,
    public_keys_b64,
    seal,
    sha256,
)


# -- at the centre ------------------------------------------------------------------------------------------
def write_messages(db: sqlite_utils.Database, folder: Path, *, study: str, centre: KeyPairs) -> list[Path]:
    """Write a message to every site whose acknowledgement or queries changed since its last one, and again the
    last one where this folder lacks it (it went to another folder: the site would never see it).

    A message is a snapshot of everything the site should hold, so writing the last one again is harmless: a site
    that applied it already skips its number."""
    written: list[Path] = []
    names = {u.username: u.full_name for u in centre_users.all_users(db)}
    for state in centre_store.sites(db):
        if state.box_public is None:
            continue  # no package yet: the site's key is not known, its queries wait for first contact
        queries = centre_store.queries(db, state.site)
        decided = [{"query": number, **asdict(d), "decided_by_name": names.get(d.decided_by, "")}
                   for (_site, number), found in centre_store.decisions(db, state.site).items() for d in found]
        snapshot: dict[str, Any] = {"acked_seq": state.last_seq, "acked_sha256": state.last_sha256 or GENESIS,
                                    "queries": queries}
        if decided:  # absent until the first decision: the snapshots of sites without one stay as they were
            snapshot["decisions"] = decided
        digest = sha256(json.dumps(snapshot, sort_keys=True).encode("utf-8"))
        target = site_inbox(folder, state.site)
        if digest == state.out_digest and (target / message_name(study, state.site, state.out_seq)).exists():
            continue
        seq = state.out_seq + 1 if digest != state.out_digest else state.out_seq
        sign_b64, box_b64 = public_keys_b64(centre)
        header = Header(kind=CENTRE_MESSAGE, study=study, site=state.site, seq=seq, prev_sha256=GENESIS,
                        created_at=iso(utcnow()), sender_sign_key=sign_b64, sender_box_key=box_b64,
                        sender_fingerprint=centre.fingerprint, change_count=len(queries) + len(decided))
        data = seal(header, snapshot, sender=centre, receiver_box_public=state.box_public)
        ensure_folder(target)
        path = target / message_name(study, state.site, seq)
        partial = write_partial(path, data)
        try:
            with db.atomic():
                centre_store.set_outbox(db, state.site, seq=seq, digest=digest)
                # a snapshot: rewriting the same number after a failed commit is harmless
                os.replace(partial, path)
            fsync_dir(target)
        except OSError as exc:
            raise folder_error(exc, target) from None
        written.append(path)
    return written


# -- at the site --------------------------------------------------------------------------------------------
@dataclass
class InboxResult:
    messages: int = 0
    acked_seq: int = 0
    queries_changed: int = 0
    problems: list[str] = field(default_factory=list)


def read_messages(db: sqlite_utils.Database, folder: Path, *, study: str, site: str, keys: KeyPairs,
                  centre_sign_public: bytes, user: str) -> InboxResult:
    """Check and apply every new centre message for this site; problems are reported, never applied."""
    result = InboxResult()
    seen = sync_state.applied_messages(db)
    found, _strays = messages_in(site_inbox(folder, site))
    for item in found:
        if item.seq in seen:
            continue
        try:
            data = item.path.read_bytes()
        except OSError:
            continue
        try:
            framed = frame(data)
            header = framed.header
            if header.kind != CENTRE_MESSAGE or header.study != study or header.site != site or header.seq != item.seq:
                raise PackageRejected(Reason.WRONG_PLACE, "it is not this site's message from the centre")
            check_signature(framed, centre_sign_public)
            body = open_body(framed, keys)
            with db.atomic():
                changed = sum(_apply_query(db, q, user=user) for q in body.get("queries", []))
                changed += sum(_apply_decision(db, d, user=user) for d in body.get("decisions", []))
                sync_state.record_message(db, seq=item.seq, sha256=framed.sha256,
                                          acked_seq=int(body.get("acked_seq", 0)), queries=changed)
                audit.append(db, user=user, action="centre message imported", new_value=item.path.name,
                             reason=f"centre has applied package {body.get('acked_seq', 0)}; "
                                    f"{changed} query change(s)")
        except PackageRejected as exc:
            result.problems.append(f"{item.path.name} from the centre was refused: {exc}")
            continue
        result.messages += 1
        result.queries_changed += changed
        result.acked_seq = max(result.acked_seq, int(body.get("acked_seq", 0)))
    return result


def _target(q: dict[str, Any]) -> dict[str, str]:
    form = q["form"] if int(q["repeat_no"]) == 0 else f"{q['form']}#{q['repeat_no']}"
    return {"subject": q["subject_id"], "visit": q["visit"], "form": form, "field": q["field"]}


def _apply_query(db: sqlite_utils.Database, q: dict[str, Any], *, user: str) -> int:
    """Bring the site's copy of a centre query up to revision ``q["rev"]``; 1 when the site's row changed."""
    found = db.execute("SELECT id, centre_rev FROM queries WHERE centre_ref = ?", [q["id"]]).fetchone()
    rev = int(q["rev"])
    raiser = centre_user(q["raised_by"])
    if found is None:
        if db.execute("SELECT 1 FROM subjects WHERE subject_id = ?", [q["subject_id"]]).fetchone() is None:
            raise PackageRejected(Reason.WRONG_PLACE, f"query {q['id']} names subject {q['subject_id']}, unknown "
                                  "at this site")
        created = site_queries.insert(db, subject_id=q["subject_id"], visit=q["visit"], form=q["form"],
                                      repeat_no=int(q["repeat_no"]), field=q["field"], question=q["question"],
                                      user=raiser)
        db.execute("UPDATE queries SET centre_ref = ?, centre_rev = ?, raised_at = ? WHERE id = ?",
                   [q["id"], rev, q["raised_at"], created.id])
        audit.append(db, user=user, action="query received from centre", new_value=q["question"],
                     reason=f"query {q['id']} raised by {raiser}", **_target(q))
        if q["status"] == QueryStatus.CLOSED.value:
            site_queries.update(db, created, status=QueryStatus.CLOSED.value, closed_by=raiser,
                                closed_at=q["closed_at"])
        return 1
    query_id, held = int(found[0]), int(found[1] or 0)
    if rev <= held:
        return 0
    current = site_queries.get(db, query_id)
    assert current is not None  # noqa: S101
    changes: dict[str, str | None] = {}
    action = None
    if q["status"] == QueryStatus.CLOSED.value and current.status is not QueryStatus.CLOSED:
        changes = {"status": QueryStatus.CLOSED.value, "closed_by": q["closed_by"] and centre_user(q["closed_by"]),
                   "closed_at": q["closed_at"]}
        action = "query closed at centre"
    elif q["status"] == QueryStatus.OPEN.value and (current.status is not QueryStatus.OPEN
                                                     or current.question != q["question"]):
        changes = {"status": QueryStatus.OPEN.value, "question": q["question"], "closed_by": None, "closed_at": None}
        action = "query re-opened at centre"
    if changes:
        site_queries.update(db, current, **changes)
        audit.append(db, user=user, action=action or "query updated by centre", new_value=q["question"],
                     reason=f"query {q['id']}", **_target(q))
    db.execute("UPDATE queries SET centre_rev = ? WHERE id = ?", [rev, query_id])
    return 1 if changes else 0


def _apply_decision(db: sqlite_utils.Database, d: dict[str, Any], *, user: str) -> int:
    """Apply the centre's decision ``d`` on a query this site raised, once; 1 when it was new.

    Applied even when it changes nothing (the site closed the query itself first): its number is recorded and
    the audit trail says so, and the row's next change number carries that back to the centre.
    """
    try:
        number = int(d["query"])
        decision = Decision(no=int(d["no"]), **{k: str(d[k]) for k in ("action", "reason", "seen_status",
                                                                        "decided_by", "decided_at")})
        decided_on = parse_iso(decision.decided_at)
        name = str(d.get("decided_by_name") or "")  # absent in messages from an older centre
    except (KeyError, TypeError, ValueError):
        raise PackageRejected(Reason.DECRYPTION, "a query decision in it is not in the expected shape") from None
    current = site_queries.get(db, number)
    row = db.execute("SELECT centre_ref, centre_decision FROM queries WHERE id = ?", [number]).fetchone()
    if current is None or row is None or row[0] is not None:
        raise PackageRejected(Reason.WRONG_PLACE, f"the centre decided on query {number}, which this site did not "
                              "raise (was the site restored from an old backup?); call the centre")
    if decision.no <= int(row[1] or 0):
        return 0
    before = QueryState(status=current.status.value, question=current.question, closed_by=None, closed_at=None)
    after, effect = apply(before, decision)
    changes: dict[str, str | int | None] = {"centre_decision": decision.no}
    if after != before:
        changes |= {"status": after.status, "question": after.question, "closed_by": after.closed_by,
                    "closed_at": after.closed_at}
    site_queries.update(db, current, **changes)
    action = {"closed": "query closed at centre", "already closed": "centre closed query already closed",
              "re-opened": "query re-opened at centre", "follow-up added": "centre follow-up on open query"}[effect]
    form = current.form if current.repeat_no == 0 else f"{current.form}#{current.repeat_no}"
    # the entry's user is who ran the export here (who applied it); the reason names who decided at the centre
    decider = f"{decision.decided_by} ({name}, centre)" if name else centre_user(decision.decided_by)
    done = "closed" if decision.action == CLOSE else "re-opened"
    audit.append(db, user=user, action=action, old_value=current.status.value, new_value=after.status,
                 reason=f"{done} at the centre by {decider} on {decided_on:%Y-%m-%d %H:%M} UTC: {decision.reason} "
                        f"(query {number}, centre decision {decision.no})",
                 subject=current.subject_id, visit=current.visit, form=form, field=current.field)
    return 1
