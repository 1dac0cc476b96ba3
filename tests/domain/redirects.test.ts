// After login only paths on Sanad's own origin are followed: the open-redirect tricks browsers allow.
import { describe, expect, test } from "vitest";
import { safeRedirectPath } from "../../worker/domain/redirects";

const ORIGIN = "https://sanad.example";

describe("safeRedirectPath", () => {
  test.each([
    ["/orgs/new", "/orgs/new"],
    ["/calls?theme=health#top", "/calls?theme=health#top"],
    ["/calls/../me", "/me"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeRedirectPath(input, ORIGIN)).toBe(expected);
  });

  test.each([
    "//evil.example/x",
    "/\t/evil.example", // the tab a browser strips: /%09/evil.example once the query is decoded
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "https://evil.example/",
    "http://sanad.example/", // another scheme is another origin
    "evil.example",
    "javascript:alert(1)",
    "/\u0000",
    "",
    undefined,
  ])("refuses %j", (input) => {
    expect(safeRedirectPath(input, ORIGIN)).toBeNull();
  });
});
