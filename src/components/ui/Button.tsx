import { buttonClass, type ButtonSize, type ButtonVariant } from "./button-styles";
import { Spinner } from "./Spinner";

type ButtonProps = React.ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Disables the button and shows a spinner; pass the in-flight label as children. */
  pending?: boolean;
};

export function Button({ variant, size, pending = false, className = "", disabled, type = "button", children, ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={buttonClass(variant, size, className)}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      {...props}
    >
      {pending && <Spinner />}
      {children}
    </button>
  );
}
