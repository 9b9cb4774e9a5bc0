import { describe, expect, it } from "vitest";
import { AppError, Conflict, NotFound, publicError, Upstream } from "./errors";

describe("AppError", () => {
  it("is recognised by class, and subclasses only as themselves", () => {
    const e = new NotFound("No such image.");
    expect(e instanceof AppError).toBe(true);
    expect(e instanceof NotFound).toBe(true);
    expect(e instanceof Conflict).toBe(false);
    expect(new Error("x") instanceof AppError).toBe(false);
  });

  it("is recognised even when thrown by a second copy of the module", () => {
    // What a second bundle's copy of the class produces: same names, different prototype.
    const foreign = Object.create(Error.prototype) as Record<symbol, unknown>;
    Object.defineProperty(foreign, Symbol.for("switchboard.AppError.classes"), { value: ["Upstream", "AppError"] });
    Object.assign(foreign, { code: "upstream", message: "The registry did not answer.", status: 502 });
    expect(foreign instanceof AppError).toBe(true);
    expect(foreign instanceof Upstream).toBe(true);
    expect(publicError(foreign)).toEqual({ code: "upstream", message: "The registry did not answer.", status: 502 });
  });

  it("never shows the text of an unknown error", () => {
    expect(publicError(new Error("ECONNREFUSED 10.1.2.3:5000 token=abc")).message).not.toMatch(/ECONNREFUSED|token/);
  });
});
