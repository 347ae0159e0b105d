// Forms that post and a page that answers: no JavaScript needed on the chaperone's phone.
export const csr = false;
