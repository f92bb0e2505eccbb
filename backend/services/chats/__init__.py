"""The Sferum chats: the «Чаты» tab of the «Сферум» registry (default chats, listing, editing,
deleting, the report of who is not in the chats yet), and keeping the chats' participants in
line with the roster and with MAX.

- `access`: who sees and edits which chat;
- `membership`: who belongs to a chat by the roster's rules, and the participant rows;
- `following_roster`: default chats, and participants after roster events;
- `max_outbox`: what is written into the MAX outbox for the chats;
- `max_events`: accounts linked or unlinked, and MAX's answers;
- `listing`, `chat_view`, `candidates`, `gaps`, `people`: reading;
- `saving`: creating, changing and deleting chats.
"""

from backend.services.chats.access import (
    administered_chats,
    require_registry,
    sees_every_chat,
    visible_chats,
)
from backend.services.chats.candidates import CANDIDATE_LIMIT, chat_candidates
from backend.services.chats.chat_view import chat
from backend.services.chats.following_roster import (
    ensure_default_chats,
    on_chat_admin_changed,
    update_chats,
)
from backend.services.chats.gaps import chat_gaps
from backend.services.chats.listing import CHAT_SORT, list_chats
from backend.services.chats.max_events import (
    on_outbox_attempt,
    on_person_linked,
    on_person_unlinked,
)
from backend.services.chats.membership import chat_admin_person, is_present, rows_of
from backend.services.chats.saving import delete_chat, save_chat

__all__ = [
    "CANDIDATE_LIMIT",
    "CHAT_SORT",
    "administered_chats",
    "chat",
    "chat_admin_person",
    "chat_candidates",
    "chat_gaps",
    "delete_chat",
    "ensure_default_chats",
    "is_present",
    "list_chats",
    "on_chat_admin_changed",
    "on_outbox_attempt",
    "on_person_linked",
    "on_person_unlinked",
    "require_registry",
    "rows_of",
    "save_chat",
    "sees_every_chat",
    "update_chats",
    "visible_chats",
]
