import type {IConfiguration, IForbiddenRuleType} from 'dependency-cruiser'

export interface Rooms {
  base: string
  layers: string[][]
  allowed: Array<{from: string; to: string}>
}
export const contentRooms: Rooms
export const lakeRooms: Rooms
export function roomRules(rooms: Rooms): IForbiddenRuleType[]
declare const config: IConfiguration
export default config
