import type { BuiltinTemplate } from "../types";
import { customerOnboarding, supportTicket } from "./customer";
import { monthEndClose, orderToCash, procureToPay } from "./finance";
import { employeeOffboarding, employeeOnboarding } from "./hr";
import { changeRequest, incidentManagement } from "./operations";

/** The business processes consultants map most: people and HR, finance, customer, operations. */
export const businessTemplates: BuiltinTemplate[] = [
  employeeOnboarding,
  employeeOffboarding,
  procureToPay,
  orderToCash,
  monthEndClose,
  supportTicket,
  customerOnboarding,
  incidentManagement,
  changeRequest,
];
