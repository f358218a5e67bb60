export { writable } from "./access";
export { listThreads, type CommentView, type ThreadView } from "./list";
export { COMMENT_MAX_LENGTH, commentContentSchema, commentStatusSchema, type CommentStatus } from "./schema";
export { createComment, editComment, removeComment, setThreadResolved } from "./write";
