import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { app } from "../../../functions/app";
import { drawingKey } from "../../../functions/lib/appointments/drawing";
import { authorize } from "../../../functions/middleware/authorize";
import {
  POINT_SCOPED_ROUTES,
  STAFF_ROUTE_PERMISSIONS,
  UNIT_SCOPED_ROUTES,
} from "../../../functions/routes/staff/route-permissions";
import type { StaffAction } from "../../../src/shared/complaints/states";
import { can, type Permission, ROLES } from "../../../src/shared/staff/roles";
import { makeCase, session, validBody } from "../complaints/handling/factories";
import { call, makeStaff, signIn } from "./factories";

/** Every staff endpoint the app really serves, read from its own route table. */
const endpoints = [
  ...new Map(
    app.routes
      .filter((r) => r.path.startsWith("/api/staff/") && r.method !== "ALL")
      .map((r) => [`${r.method} ${r.path}`, { method: r.method, path: r.path }]),
  ).values(),
];
const concrete = (path: string) => path.replace(/:\w+/g, "999999");
/** A fresh account and session per role and test: storage is isolated between tests. */
const sessionFor = async (role: (typeof ROLES)[number]) => signIn((await makeStaff(role)).email);
const send = (e: { method: string; path: string }, cookie?: string) =>
  call(concrete(e.path), { method: e.method, cookie, body: e.method === "GET" ? undefined : {} });

describe("authorization of every /api/staff route, from the app's own route table", () => {
  it("finds the staff routes", () => {
    expect(endpoints.length).toBeGreaterThanOrEqual(8);
  });

  it.each(endpoints)("$method $path has a permission entry", (e) => {
    expect(STAFF_ROUTE_PERMISSIONS[`${e.method} ${e.path}`], "add the route to route-permissions.ts").toBeDefined();
  });

  const guarded = endpoints.filter((e) => STAFF_ROUTE_PERMISSIONS[`${e.method} ${e.path}`] !== "public");

  it.each(guarded)("$method $path refuses an anonymous caller with 401", async (e) => {
    expect((await send(e)).status).toBe(401);
  });

  it.each(guarded)(
    "$method $path refuses every role without its permission with 403, and lets the others past",
    async (e) => {
      const permission = STAFF_ROUTE_PERMISSIONS[`${e.method} ${e.path}`] as Permission;
      for (const role of ROLES) {
        const status = (await send(e, await sessionFor(role))).status;
        if (can(role, permission)) expect([401, 403], `${role} should pass`).not.toContain(status);
        else expect(status, `${role} should be refused`).toBe(403);
      }
    },
  );

  // The case routes a unit handler may call at all; the others refuse the role outright (above).
  const unitRoutes = UNIT_SCOPED_ROUTES.filter((k) => can("unit_handler", STAFF_ROUTE_PERMISSIONS[k] as Permission));
  it("finds case routes a unit handler may call", () => {
    expect(unitRoutes.length).toBeGreaterThanOrEqual(8);
  });

  it.each(unitRoutes)(
    "%s answers a unit handler of another unit as if the case did not exist, and its own unit normally",
    async (key) => {
      const [method = "GET", path = ""] = key.split(" ");
      const c = await makeCase({ state: "in_progress", reporterPhone: "13900001111", callbackWanted: true });
      const photo = await env.DB.prepare(
        "INSERT INTO complaint_photos (complaint_id, r2_key, content_type, bytes, width, height, created_at) VALUES (?, ?, 'image/jpeg', 1, 1, 1, ?) RETURNING id",
      )
        .bind(c.id, `complaints/scope-${c.id}`, c.receivedAt)
        .first<{ id: number }>();
      await env.PHOTOS.put(`complaints/scope-${c.id}`, new Uint8Array([0xff, 0xd8, 0xff, 0xd9]));
      const url = path.replace(":id", String(c.id)).replace(":photoId", String(photo?.id));
      const action = path.split("/").at(-1) as StaffAction;
      const body =
        method === "POST" ? validBody(action, c.version, { unitId: c.unitId ?? "", targetCaseNumber: "" }) : undefined;
      const other = (await session("unit_handler")).cookie;
      const res = await call(url, { method, cookie: other, body });
      expect(res.status).toBe(404);
      const own = (await session("unit_handler", c.unitId)).cookie;
      expect((await call(url, { method, cookie: own, body })).status).not.toBe(404);
    },
  );

  // The desk's routes on one service point (routes/appointments/staff.ts): a clerk of another
  // point's unit meets 404 there, as for a point that does not exist; their own point answers.
  it("finds service-point routes a clerk may call", () => {
    expect(POINT_SCOPED_ROUTES.length).toBeGreaterThanOrEqual(6);
  });

  it.each(POINT_SCOPED_ROUTES)(
    "%s answers a clerk of another service point as if the point did not exist, and its own point normally",
    async (key) => {
      const [method = "GET", path = ""] = key.split(" ");
      const own = "linhe-service-point";
      await env.DB.prepare("INSERT OR IGNORE INTO units (id, name, kind) VALUES (?, '临河服务点', 'service_point')")
        .bind(own)
        .run();
      // A booking of linhe this hour, written as the public API writes one (with room for one per
      // point-scoped route: the file's tests share their storage).
      const start = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
      const clock = new Date(start.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
      const row = await env.DB.prepare(
        `INSERT INTO appointments (booking_number, manage_hash, point_id, service, slot_id, slot_start, slot_end,
          capacity, name, phone, person_key, shop_name, shop_address, status, version, created_at, updated_at)
        VALUES (?, ?, 'linhe', 'consultation', ?, ?, ?, 99, '王小明', '13900001111', ?, '小明面馆', '滨河路 18 号',
          'booked', 0, ?, ?) RETURNING id`,
      )
        .bind(
          `YYAUTH${crypto.randomUUID().slice(0, 4).toUpperCase()}`,
          crypto.randomUUID(),
          `linhe:consultation:${clock}+08:00`,
          start.toISOString(),
          new Date(start.getTime() + 1_200_000).toISOString(),
          crypto.randomUUID(),
          start.toISOString(),
          start.toISOString(),
        )
        .first<{ id: number }>();
      const url = path.replace(":pointId", "linhe").replace(":id", String(row?.id));
      // The booking's design drawing, for the route that serves it (routes/appointments/drawing.ts).
      await env.PHOTOS.put(drawingKey(row?.id ?? 0), new Uint8Array([0xff, 0xd8, 0xff, 0xd9]));
      const bodies: Record<string, unknown> = {
        undo: { from: "no_show" },
        note: { note: "备注", previous: null },
        "walk-ins": {
          slotId: `linhe:consultation:${clock}+08:00`,
          name: "赵现场",
          phone: "13700001111",
          shopName: "赵记",
          shopAddress: "滨河路 20 号",
        },
      };
      const body = method === "GET" ? undefined : (bodies[path.split("/").at(-1) ?? ""] ?? {});
      const other = await sessionFor("service_point_staff");
      expect((await call(url, { method, cookie: other, body })).status).toBe(404);
      const mine = await signIn((await makeStaff("service_point_staff", { unitId: own })).email);
      expect((await call(url, { method, cookie: mine, body })).status).not.toBe(404);
    },
  );

  it("refuses a route that nobody gave a permission entry", async () => {
    const probe = new Hono();
    probe.use(authorize(STAFF_ROUTE_PERMISSIONS));
    probe.get("/api/staff/forgotten", (c) => c.text("should not be reached"));
    probe.onError((err, c) => c.text(err.message, (err as { status?: 403 }).status ?? 500));
    expect((await probe.request("/api/staff/forgotten")).status).toBe(403);
  });
});
