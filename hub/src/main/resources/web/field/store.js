// The phone's own storage (IndexedDB, kept when the tab or the phone is closed): the outbox of
// records not yet acknowledged by the hub, and the cached roster of the team member's villages.
const NAME = 'gds-field';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('outbox', { keyPath: 'id' });
      request.result.createObjectStore('cache');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

const db = open();

async function run(storeName, mode, work) {
  const database = await db;
  return new Promise((resolve, reject) => {
    const tx = database.transaction(storeName, mode);
    const result = work(tx.objectStore(storeName));
    tx.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Stored before the hub hears of it; the write completes before the app says "saved". */
export const outbox = {
  put: record => run('outbox', 'readwrite', s => s.put(record)),
  all: () => run('outbox', 'readonly', s => s.getAll()),
  remove: ids => run('outbox', 'readwrite', s => ids.forEach(id => s.delete(id))),
};

export const cache = {
  get: key => run('cache', 'readonly', s => s.get(key)),
  put: (key, value) => run('cache', 'readwrite', s => s.put(value, key)),
  remove: key => run('cache', 'readwrite', s => s.delete(key)),
};
