/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sal.h - the Microsoft source-code annotation language (SAL), as empty macros.
 *
 * Client drivers written for the WDK annotate every parameter. The
 * annotations only feed Microsoft's static analyser, so on Linux they
 * expand to nothing. The list covers the annotations used by gpioclx.h,
 * the WDF subset and the common client patterns.
 */
#ifndef GPIOCLX_SAL_H
#define GPIOCLX_SAL_H

#define _In_
#define _In_opt_
#define _In_z_
#define _In_reads_(size)
#define _In_reads_opt_(size)
#define _In_reads_bytes_(size)
#define _In_reads_bytes_opt_(size)
#define _Out_
#define _Out_opt_
#define _Out_writes_(size)
#define _Out_writes_opt_(size)
#define _Out_writes_bytes_(size)
#define _Out_writes_bytes_opt_(size)
#define _Out_writes_bytes_to_(size, count)
#define _Out_writes_to_(size, count)
#define _Inout_
#define _Inout_opt_
#define _Inout_updates_(size)
#define _Inout_updates_bytes_(size)
#define _Outptr_
#define _Outptr_opt_
#define _Outptr_result_maybenull_
#define _Outptr_result_bytebuffer_(size)
#define _Outptr_opt_result_bytebuffer_(size)
#define _Pre_writable_byte_size_(size)
#define _Field_size_(size)
#define _Field_size_opt_(size)
#define _Field_size_bytes_(size)
#define _Field_size_part_(size, count)
#define _Field_range_(min, max)
#define _Must_inspect_result_
#define _Check_return_
#define _Success_(expr)
#define _Ret_maybenull_
#define _Ret_range_(min, max)
#define _Post_invalid_
#define _Post_satisfies_(expr)
#define _Pre_satisfies_(expr)
#define _Notliteral_
#define _Printf_format_string_
#define _Use_decl_annotations_
#define _Function_class_(name)
#define _When_(expr, annos)
#define _Analysis_assume_(expr)
#define _Analysis_noreturn_
#define _Strict_type_match_
#define _Kernel_requires_resource_held_(kind)
#define _Requires_lock_held_(lock)
#define _Requires_lock_not_held_(lock)
#define _Acquires_lock_(lock)
#define _Releases_lock_(lock)
#define _IRQL_requires_(irql)
#define _IRQL_requires_min_(irql)
#define _IRQL_requires_max_(irql)
#define _IRQL_requires_same_
#define _IRQL_raises_(irql)
#define _IRQL_saves_
#define _IRQL_restores_
#define _IRQL_saves_global_(kind, param)
#define _IRQL_restores_global_(kind, param)
#define _IRQL_always_function_min_(irql)
#define _IRQL_always_function_max_(irql)
#define _IRQL_uses_cancel_
#define _Dispatch_type_(type)
#define __drv_aliasesMem
#define __drv_allocatesMem(kind)
#define __drv_freesMem(kind)
#define __drv_dispatchType(type)
#define __drv_maxIRQL(irql)
#define __drv_minIRQL(irql)
#define __drv_requiresIRQL(irql)
#define __drv_sameIRQL
#define __drv_savesIRQL
#define __drv_restoresIRQL
#define __drv_setsIRQL(irql)
#define __drv_raisesIRQL(irql)
#define __drv_functionClass(name)
#define __drv_when(expr, annos)

#endif /* GPIOCLX_SAL_H */
