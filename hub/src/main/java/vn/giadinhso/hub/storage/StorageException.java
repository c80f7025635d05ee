package vn.giadinhso.hub.storage;

/** A database that cannot be opened, migrated or written; the message is meant for an operator. */
public class StorageException extends RuntimeException {
  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
