"""ChatLogger client for bots: create chats, add messages, record outcomes, and a buffered
logger that batches chats in a background thread. Standard library only."""
from .buffered import BufferedLogger
from .client import ChatLogger
from .errors import ApiError, ChatLoggerError, NetworkError
from .types import AddMessage, AddMessageResult, BatchItemResult, Chat, ChatMetadata, CreateChat, CreateChatResult, LoggerStats, StoredChatMetadata, UpdateChat

__version__ = "0.1.0"
__all__ = [
    "AddMessage",
    "AddMessageResult",
    "ApiError",
    "BatchItemResult",
    "BufferedLogger",
    "Chat",
    "ChatLogger",
    "ChatLoggerError",
    "ChatMetadata",
    "CreateChat",
    "CreateChatResult",
    "LoggerStats",
    "NetworkError",
    "StoredChatMetadata",
    "UpdateChat",
]
