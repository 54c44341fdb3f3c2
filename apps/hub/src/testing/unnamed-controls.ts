import type { Page } from 'playwright-core';

/** Roles a citizen operates: each must have an accessible name a screen reader can say. */
const CONTROL_ROLES = new Set(['button', 'textbox', 'checkbox', 'radio', 'link', 'combobox', 'spinbutton', 'switch', 'slider', 'menuitem', 'tab']);

export interface AxControl {
  role: string;
  name: string;
}

/**
 * The page's controls as Chromium's accessibility tree computes them (CDP
 * Accessibility.getFullAXTree: the name a screen reader would say, from label,
 * aria-label, text content…), so tests can check none is unnamed.
 */
export async function accessibleControls(page: Page): Promise<AxControl[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { ignored?: boolean; role?: { value?: string }; name?: { value?: string } }[];
    };
    return nodes
      .filter((node) => !node.ignored && CONTROL_ROLES.has(node.role?.value ?? ''))
      .map((node) => ({ role: node.role!.value!, name: (node.name?.value ?? '').trim() }));
  } finally {
    await cdp.detach();
  }
}
