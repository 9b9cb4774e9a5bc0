import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ReplyParseError } from "../redis-parse/errors";
import { parseBackendCheck } from "./check-config";
import { parseServersState, parseStatsCsv } from "./stats";

const STATE = `1
# be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight srv_iweight srv_time_since_last_change srv_check_status srv_check_result srv_check_health srv_check_state srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port srvrecord srv_use_ssl srv_check_port srv_check_addr srv_agent_addr srv_agent_port
3 redis_master 1 v2-0 127.0.0.1 2 0 1 1 16 15 3 2 6 0 0 0 - 17100 - 0 0 - - 0
3 redis_master 2 v2-1 127.0.0.1 0 0 1 1 15 12 2 0 6 0 0 0 - 17101 - 0 0 - - 0
`;

describe("haproxy parsers", () => {
  it("reads show servers state (2.6)", () => {
    const rows = parseServersState(STATE);
    expect(rows.map((r) => [r.srv_name, r.srv_op_state, r.srv_port])).toEqual([
      ["v2-0", "2", "17100"],
      ["v2-1", "0", "17101"],
    ]);
  });

  it("reads stats CSV by header name and rejects garbage", () => {
    const rows = parseStatsCsv("# pxname,svname,qcur,status\nredis_master,v2-0,0,UP\nredis_master,BACKEND,0,UP\n");
    expect(rows[0]).toEqual({ pxname: "redis_master", svname: "v2-0", qcur: "0", status: "UP" });
    expect(parseStatsCsv("# pxname,svname,qcur,status\nredis_master,v2-0,0,DOWN\n\n", ["pxname", "svname", "status"])).toEqual([
      { pxname: "redis_master", svname: "v2-0", status: "DOWN" },
    ]);
    expect(() => parseStatsCsv("<html>")).toThrow(ReplyParseError);
    fc.assert(
      fc.property(fc.string(), (g) => {
        try {
          parseStatsCsv(g);
        } catch (err) {
          expect(err).toBeInstanceOf(ReplyParseError);
        }
      }),
    );
  });

  it("recognises the weak and the strict check", () => {
    const weak = `defaults\n  default-server fall 3\nbackend redis_master\n  tcp-check send info\\ replication\\r\\n\n  tcp-check expect string role:master\n  default-server check inter 500ms fall 2 rise 1\n  server a 1.2.3.4:6379\nfrontend x\n  tcp-check expect rstring connected_slaves:[1-9]\n`;
    expect(parseBackendCheck(weak, "redis_master")).toMatchObject({ expectsMaster: true, requiresReplica: false, fall: 2 });
    const strict = weak.replace("fall 2", "fall 1").replace("  server a", "  tcp-check expect rstring connected_slaves:[1-9]\n  server a");
    expect(parseBackendCheck(strict, "redis_master")).toMatchObject({ expectsMaster: true, requiresReplica: true, fall: 1 });
    expect(parseBackendCheck(weak, "other")).toBeNull();
  });
});
