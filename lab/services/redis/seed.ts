import { Redis } from "ioredis";
import type { LabNode, LabTopology } from "./topology";

/** Seeds db0, db1 and db4 with the key classes that must survive a cutover. Returns keys per db. */
export async function seedData(t: LabTopology, master: LabNode): Promise<Record<string, number>> {
  const client = new Redis({
    host: "127.0.0.1",
    port: master.port,
    username: "lab",
    password: t.password,
    lazyConnect: true,
    connectTimeout: 2000,
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const p = client.pipeline();
    p.select(0);
    for (let i = 1; i <= 20; i++)
      p.hset(`immich_bull:thumbnailGeneration:${i}`, { name: "generate-thumbnail", data: JSON.stringify({ id: i }), attemptsMade: "0" });
    p.hset("immich_bull:thumbnailGeneration:meta", { opts: "{}", version: "bullmq:5" });
    p.rpush("immich_bull:thumbnailGeneration:wait", ...Array.from({ length: 20 }, (_, i) => String(i + 1)));
    p.set("immich_bull:thumbnailGeneration:id", "20");
    for (let i = 0; i < 30; i++) p.set(`session:${i.toString(16).padStart(8, "0")}`, `user-${i}`, "EX", 86_400);
    p.select(1);
    p.sadd("_kombu.binding.celery", "celery\x06\x16\x06\x16celery");
    p.sadd("_kombu.binding.celery.pidbox", "\x06\x16\x06\x16celery@worker-0.celery.pidbox");
    p.sadd("_kombu.binding.celeryev", "worker.#\x06\x16\x06\x16celeryev.worker-0");
    p.rpush("celery", ...Array.from({ length: 5 }, (_, i) => JSON.stringify({ task: "paperless.consume", id: i })));
    p.hset("unacked", { t1: "{}" });
    for (let i = 0; i < 17; i++) p.set(`celery-task-meta-${i}`, JSON.stringify({ status: "SUCCESS" }));
    p.select(4);
    for (let i = 0; i < 16; i++) p.set(`nextcloud:cache:${i}`, "x".repeat(64));
    await p.exec();
    const sizes: Record<string, number> = {};
    for (const db of [0, 1, 4]) {
      await client.select(db);
      sizes[`db${db}`] = await client.dbsize();
    }
    return sizes;
  } finally {
    client.disconnect();
  }
}
