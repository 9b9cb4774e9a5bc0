export const W = 720;
export const NODE_W = 160;
export const NODE_H = 62;
export const spread = (count: number, i: number, width = W) => ((i + 1) * width) / (count + 1);
export type Positions = Map<string, { x: number; y: number }>;
