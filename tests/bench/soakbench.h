#pragma once

// The whole console left running for five minutes on three servers at once (issue 20, item 3): the
// sandbox with its simulated traffic, the FeatBit protocol test server whose streams are closed
// every 30 s, and a real Unleash. Prints soak.* figures; returns false, having said why, when the
// soak could not run or lost an event.
bool soakConsole();
