ALTER TYPE "public"."template_category" ADD VALUE 'HR';--> statement-breakpoint
ALTER TYPE "public"."template_category" ADD VALUE 'FINANCE';--> statement-breakpoint
ALTER TYPE "public"."template_category" ADD VALUE 'CUSTOMER';