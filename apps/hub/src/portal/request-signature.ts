// The signing scheme lives in packages/shared so central verifies exactly what hubs sign.
export { signRequest, checkSignature, type SignatureProblem } from '@layso/shared/request-signature';
