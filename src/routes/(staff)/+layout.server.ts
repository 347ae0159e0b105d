export const load = ({ locals }) => ({
	staffName: locals.staff?.user.displayName ?? null
});
