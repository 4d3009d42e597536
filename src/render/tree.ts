/** Small helpers for walking and editing hast trees. */
import type { Element, ElementContent, Nodes, Parents, Root, RootContent } from 'hast';

/** Removes every node the test accepts, anywhere below `tree`. */
export function remove(tree: Parents, test: (node: RootContent) => boolean): void {
  tree.children = tree.children.filter((child) => !test(child)) as typeof tree.children;
  for (const child of tree.children) {
    if ('children' in child) remove(child, test);
  }
}

/** Calls `fn` for every element below `tree` (document order, including <template> content). */
export function eachElement(tree: Nodes, fn: (element: Element) => void): void {
  if (tree.type === 'element') {
    fn(tree);
    if (tree.content) eachElement(tree.content, fn);
  }
  if ('children' in tree) {
    for (const child of tree.children) eachElement(child, fn);
  }
}

/** Deep copy of a tree, so a parsed template can be filled once per page. */
export function cloneTree(tree: Root): Root {
  // A copy by hand: called once per page, it is several times faster than structuredClone.
  return { ...tree, children: tree.children.map(cloneNode) as Root['children'] };
}

function cloneNode<T extends RootContent>(node: T): T {
  if (node.type !== 'element') return { ...node };
  const properties: Element['properties'] = {};
  for (const [key, value] of Object.entries(node.properties)) properties[key] = Array.isArray(value) ? [...value] : value;
  const copy: Element = { ...node, properties, children: node.children.map(cloneNode) };
  if (node.content) copy.content = cloneTree(node.content);
  return copy as T;
}

/** Strips positional info: output must not depend on where a template line was. */
export function stripPositions(tree: Nodes): void {
  delete tree.position;
  if (tree.type === 'element' && tree.content) stripPositions(tree.content);
  if ('children' in tree) for (const child of tree.children) stripPositions(child);
}

/** Text of a node and its descendants. */
export function textOf(node: Nodes | ElementContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child)).join('');
  return '';
}
