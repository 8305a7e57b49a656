// Request and response schemas of the identity endpoints; the same objects generate the OpenAPI document.
import { z } from 'zod';
import { organisationKinds, roles } from '../platform/schema.ts';

export const LoginRequest = z.strictObject({
  login: z.string().trim().min(3).max(254).describe('手机号或电子邮箱 / phone number or e-mail'),
  password: z.string().min(1).max(200),
});

export const OrganisationSummary = z.object({ id: z.string(), name: z.string(), kind: z.string() });

export const Me = z.object({
  id: z.string(),
  displayName: z.string(),
  login: z.string(),
  role: z.enum(roles),
  organisation: OrganisationSummary.nullable(),
  regionCode: z.string(),
  modules: z.array(z.string()),
});
export type MeBody = z.infer<typeof Me>;

export const LoginResponse = z.object({ user: Me });

export const CreateOrganisationRequest = z.strictObject({
  name: z.string().trim().min(2).max(200),
  kind: z.enum(organisationKinds),
  uscc: z.string().trim().describe('统一社会信用代码（GB 32100-2015，18 位，含校验位）/ unified social credit code'),
  regionCode: z.string().regex(/^\d{6}$/).optional().describe('默认为当前用户所在地区 / defaults to your region'),
  districtCode: z.string().regex(/^\d{6}$/).optional(),
});

export const Organisation = z.object({
  id: z.string(),
  regionCode: z.string(),
  districtCode: z.string().nullable(),
  kind: z.enum(organisationKinds),
  name: z.string(),
  uscc: z.string(),
  createdAt: z.string(),
});
export type OrganisationBody = z.infer<typeof Organisation>;

export const OrganisationList = z.object({ items: z.array(Organisation), total: z.number() });

export const ListOrganisationsQuery = z.strictObject({
  kind: z.enum(organisationKinds).optional(),
  q: z.string().max(100).optional().describe('名称或信用代码包含 / name or credit code contains'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const IdParams = z.strictObject({ id: z.uuid() });

export const CreateUserRequest = z.strictObject({
  displayName: z.string().trim().min(1).max(100),
  email: z.email().optional(),
  phone: z.string().regex(/^1\d{10}$/, '11 位中国大陆手机号 / 11-digit mainland mobile number').optional(),
  role: z.enum(roles),
  organisationId: z.uuid().optional(),
  password: z.string().max(200),
});

export const User = z.object({
  id: z.string(), displayName: z.string(), email: z.string().nullable(), phone: z.string().nullable(),
  role: z.enum(roles), organisationId: z.string().nullable(), regionCode: z.string(),
});
export type UserBody = z.infer<typeof User>;
